package dev.rustengineer.handoff;

/**
 * One check of a package by the receiving specialist's own tool, as a shell line run in the package's folder.
 *
 * @param tool the program the line needs (looked up on PATH and where scripts/setup.d installs it)
 * @param script the bash line, also shown in HANDOFF.md for the specialist to run
 */
public record Check(String name, String tool, String script) {}
