package dev.vocadent.livekit.call;

import dev.vocadent.core.tools.CallControl;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import io.livekit.server.TransferSipParticipantOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;

/**
 * Call control for a LiveKit call: a transfer is LiveKit's TransferSIPParticipant (a SIP REFER sent
 * by LiveKit to the caller's leg; the request returns once the transfer is accepted, so success
 * means the caller was handed over), and hanging up deletes the room, which ends the SIP call.
 */
public final class LiveKitCallControl implements CallControl {
    private static final Logger log = LoggerFactory.getLogger(LiveKitCallControl.class);

    private final SipServiceClient sip;
    private final RoomServiceClient rooms;
    private final String roomName;
    private final String callerIdentity;
    private final Consumer<String> afterHangUp;

    /**
     * @param afterHangUp run after the room was closed (e.g. leave the room, end the job); gets the reason
     */
    public LiveKitCallControl(SipServiceClient sip, RoomServiceClient rooms, String roomName, String callerIdentity,
                              Consumer<String> afterHangUp) {
        this.sip = sip;
        this.rooms = rooms;
        this.roomName = roomName;
        this.callerIdentity = callerIdentity;
        this.afterHangUp = afterHangUp;
    }

    @Override
    public void hangUp(String reason) {
        try {
            Response<Void> r = rooms.deleteRoom(roomName).execute();
            if (!r.isSuccessful()) {
                log.warn("closing room {} failed: LiveKit answered {}", roomName, r.code());
            }
        } catch (IOException e) {
            log.warn("closing room {} failed: {}", roomName, e.toString());
        } finally {
            afterHangUp.accept(reason);
        }
    }

    @Override
    public CompletableFuture<Boolean> transfer(String number) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Response<Void> r = sip.transferSipParticipant(roomName, callerIdentity, "tel:" + number,
                        new TransferSipParticipantOptions(true)).execute();
                if (r.isSuccessful()) {
                    log.info("call in room {} transferred to the practice", roomName);
                    return true;
                }
                log.warn("transfer in room {} refused: LiveKit answered {}", roomName, r.code());
                return false;
            } catch (IOException e) {
                log.warn("transfer in room {} failed: {}", roomName, e.toString());
                return false;
            }
        }, Thread::startVirtualThread);
    }
}
