package dev.rustengineer.web;

/** How serve logs on stderr: text (warnings and errors only, as every command does) or JSON (one object per line, every request). */
public enum LogFormat {
    TEXT, JSON
}
