package dev.rustengineer.knowledge;

/** All knowledge loaded from the bundled YAML files (being filled in by the advise work). */
public record Knowledge() {}
