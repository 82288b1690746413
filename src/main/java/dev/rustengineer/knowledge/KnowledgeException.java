package dev.rustengineer.knowledge;

/** A knowledge file that is malformed or inconsistent; the message names the file and line. */
public final class KnowledgeException extends RuntimeException {
    public KnowledgeException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
