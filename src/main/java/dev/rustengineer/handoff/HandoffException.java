package dev.rustengineer.handoff;

/**
 * A handoff that could not be made for a reason outside the user's arguments (the service did not build or
 * start): one line, reported like a usage error's but as a negative result.
 */
public final class HandoffException extends RuntimeException {
    public HandoffException(String message) {
        super(message);
    }
}
