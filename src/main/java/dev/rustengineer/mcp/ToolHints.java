package dev.rustengineer.mcp;

import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * The annotations a client shows and gates on, said truthfully per tool. "Open world" is true where a call can reach
 * beyond this machine: cargo fetching crates from a registry, a handoff check talking to a database.
 */
final class ToolHints {
    private ToolHints() {}

    /** Reads and computes only: advise, knowledge, audit, doctor. */
    static ToolAnnotations readOnly(String title) {
        return ToolAnnotations.builder().title(title).readOnlyHint(true).destructiveHint(false).idempotentHint(true)
                .openWorldHint(false).build();
    }

    /**
     * Writes files inside the server's root; with force=true it replaces files it wrote before (hence destructive);
     * the same arguments give the same files (idempotent).
     */
    static ToolAnnotations writes(String title, boolean openWorld) {
        return ToolAnnotations.builder().title(title).readOnlyHint(false).destructiveHint(true).idempotentHint(true)
                .openWorldHint(openWorld).build();
    }

    /** Runs cargo, which writes only its target directory and lock file and may fetch crates. */
    static ToolAnnotations builds(String title) {
        return ToolAnnotations.builder().title(title).readOnlyHint(false).destructiveHint(false).idempotentHint(true)
                .openWorldHint(true).build();
    }
}
