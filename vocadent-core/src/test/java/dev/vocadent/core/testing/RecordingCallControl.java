package dev.vocadent.core.testing;

import dev.vocadent.core.tools.CallControl;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link CallControl} for tests: records hang-ups and transfers; transfers reach a person when told so. */
public final class RecordingCallControl implements CallControl {
    private final List<String> hangUps = new CopyOnWriteArrayList<>();
    private final List<String> transfers = new CopyOnWriteArrayList<>();
    private volatile boolean transferReaches;

    /** Whether transfers complete with true (a person was reached). Default false. */
    public RecordingCallControl transferReaches(boolean reaches) {
        this.transferReaches = reaches;
        return this;
    }

    @Override
    public void hangUp(String reason) {
        hangUps.add(reason);
    }

    @Override
    public CompletableFuture<Boolean> transfer(String number) {
        transfers.add(number);
        return CompletableFuture.completedFuture(transferReaches);
    }

    public List<String> hangUps() {
        return List.copyOf(hangUps);
    }

    public List<String> transfers() {
        return List.copyOf(transfers);
    }
}
