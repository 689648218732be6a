# syntax=docker/dockerfile:1
# One image for every Vocadent process; the command picks the role:
#   backend | sip --bind 0.0.0.0:5060 | worker        (see deploy/compose.yaml)
# Build:  docker build -t vocadent .

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests -pl vocadent-app -am package
# A runtime with only the JDK modules the application uses (jdeps), plus the ones loaded
# reflectively (TLS ciphers, Unsafe for Netty/onnxruntime, java.desktop for webrtc-java).
RUN jdeps --multi-release 25 --ignore-missing-deps --print-module-deps \
        --class-path 'vocadent-app/target/lib/*' vocadent-app/target/vocadent-app.jar > /tmp/modules \
 && jlink --add-modules "$(cat /tmp/modules),jdk.crypto.ec,jdk.unsupported,java.desktop,jdk.management,jdk.zipfs" \
        --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output /opt/jre

FROM debian:bookworm-slim
# espeak-ng + pocketsphinx: offline voice; the X/pulse/udev/dbus libraries: webrtc-java's native
# library links against them (no display or sound server is needed at run time).
RUN apt-get update \
 && apt-get install -y --no-install-recommends espeak-ng pocketsphinx pocketsphinx-en-us libpocketsphinx3 \
        libpulse0 libudev1 libx11-6 libxfixes3 libxrandr2 libxcomposite1 libdbus-1-3 curl ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/jre /opt/jre
COPY --from=build /src/vocadent-app/target/vocadent-app.jar /app/vocadent-app.jar
COPY --from=build /src/vocadent-app/target/lib /app/lib
RUN useradd --system --uid 10001 --home-dir /var/lib/vocadent --create-home vocadent
USER 10001
ENV JAVA_HOME=/opt/jre \
    VOCADENT_DATA_DIR=/var/lib/vocadent \
    VOCADENT_HOST=0.0.0.0 \
    VOCADENT_HEALTH_PORT=8080
WORKDIR /var/lib/vocadent
EXPOSE 8080 8081 5060/udp 5060/tcp
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${VOCADENT_HEALTH_PORT}/healthz" || exit 1
# The JVM gets SIGTERM directly (exec form): the worker drains and the SIP agent finishes calls.
ENTRYPOINT ["/opt/jre/bin/java", "--enable-native-access=ALL-UNNAMED", "-XX:+UseZGC", "-XX:MaxRAMPercentage=75", \
            "-cp", "/app/vocadent-app.jar:/app/lib/*", "dev.vocadent.app.Main"]
CMD ["backend"]
