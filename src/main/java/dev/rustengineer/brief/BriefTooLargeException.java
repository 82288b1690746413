package dev.rustengineer.brief;

import dev.rustengineer.UsageException;

/** A brief longer than a brief can be: bad input (exit 2), and on the web a 413 rather than a 400. */
public final class BriefTooLargeException extends UsageException {
    public BriefTooLargeException(String message) {
        super(message);
    }
}
