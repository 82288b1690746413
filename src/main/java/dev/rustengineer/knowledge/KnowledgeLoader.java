package dev.rustengineer.knowledge;

public final class KnowledgeLoader {
    private KnowledgeLoader() {}

    public static Knowledge loadBundled() {
        return new Knowledge();
    }
}
