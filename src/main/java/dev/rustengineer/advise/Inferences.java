package dev.rustengineer.advise;

import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Evidence;
import dev.rustengineer.knowledge.Facts;
import dev.rustengineer.knowledge.Inference;
import java.util.List;

/** Applies the knowledge's inferences to a brief until nothing changes; the brief's own answers always win. */
public final class Inferences {
    private final List<Inference> inferences;

    public Inferences(List<Inference> inferences) {
        this.inferences = inferences;
    }

    public Brief apply(Brief brief) {
        Brief current = brief;
        // Each pass can enable another inference (browser -> web -> ...); the list is short, so a few passes suffice.
        for (int pass = 0; pass < inferences.size(); pass++) {
            Brief.Builder b = current.toBuilder();
            boolean changed = false;
            Facts facts = new Facts(current.asMap());
            for (Inference i : inferences) {
                if (!i.when().test(facts)) {
                    continue;
                }
                Evidence why = new Evidence("inference", i.because(), i.id());
                if (i.add()) {
                    if (!current.list(i.field()).contains(i.value())) {
                        b.add(i.field(), (String) i.value(), why);
                        changed = true;
                    }
                } else if (!b.has(i.field())) {
                    b.set(i.field(), i.value(), why);
                    changed = true;
                }
            }
            if (!changed) {
                return current;
            }
            current = b.build();
        }
        return current;
    }
}
