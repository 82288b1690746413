package dev.rustengineer.audit.rule;

import org.treesitter.TSNode;

/** Where a rule reports: at a node's start, or at a byte offset (for spots inside macro token trees). */
public interface Report {
    void at(TSNode node, String message);

    void atByte(int byteOffset, String message);
}
