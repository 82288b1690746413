package dev.rustengineer;

/**
 * Bad input from the user: reported as one line on stderr with exit code 2, never a stack trace.
 * Thrown anywhere below the CLI (brief parsing, option checks); the front doors map it to their own error shape.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
