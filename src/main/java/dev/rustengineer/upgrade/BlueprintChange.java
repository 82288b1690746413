package dev.rustengineer.upgrade;

import dev.rustengineer.UsageException;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.BlueprintPlanner;
import dev.rustengineer.blueprint.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A recorded choice changed on the way through `upgrade` (`--with websocket`, `--db postgres`): the project is
 * regenerated with the new choice and merged like any other generator change. Only what the project's own template
 * set offers, and proves in CI, is accepted, as `new` accepts it.
 *
 * @param with optional features to switch on
 * @param without optional features to switch off
 * @param db another database engine, or null to keep the recorded one
 * @param dbLayer another database layer, or null to keep the recorded one
 * @param web another web framework of the same kind of project (another template set), or null to keep the recorded one
 */
public record BlueprintChange(List<String> with, List<String> without, String db, String dbLayer, String web) {
    public BlueprintChange {
        with = normalised(with);
        without = normalised(without);
        db = lower(db);
        dbLayer = lower(dbLayer);
        web = lower(web);
    }

    /** A change that keeps the web framework. */
    public BlueprintChange(List<String> with, List<String> without, String db, String dbLayer) {
        this(with, without, db, dbLayer, null);
    }

    public static BlueprintChange none() {
        return new BlueprintChange(List.of(), List.of(), null, null, null);
    }

    public boolean isEmpty() {
        return with.isEmpty() && without.isEmpty() && db == null && dbLayer == null && web == null;
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The recorded blueprint with this change, checked against what its set (or, with {@code web}, the set of that
     * framework) offers now. Also checks the recorded choices themselves: a newer generator that stopped offering
     * one says so instead of generating something else.
     *
     * @param recordedOffer what the recorded template set offers now
     * @param offers every set's offer, where another web framework is looked up
     */
    Blueprint applyTo(Blueprint recorded, Offer recordedOffer, List<Offer> offers) {
        if (recordedOffer.kind() != recorded.kind() || !Objects.equals(recordedOffer.web(), recorded.web())) {
            throw new UsageException("the record names template set " + recorded.template() + " as a " + recorded.kind().id()
                    + (recorded.web() == null ? "" : " on " + recorded.web()) + ", but that set now generates a " + recordedOffer.label()
                    + "; the record is corrupted");
        }
        Offer offer = web == null ? recordedOffer : framework(recorded, recordedOffer, offers);
        String engine = db != null ? db : recorded.db();
        String layer = dbLayer != null ? dbLayer : recorded.dbLayer();
        if (!offer.hasDatabase()) {
            if (db != null || dbLayer != null) {
                throw new UsageException((db != null ? "--db" : "--db-layer") + " does not apply: the " + offer.label()
                        + " has no database");
            }
        } else {
            check("--db", engine, db == null, offer, offer.db(), "database engine");
            check("--db-layer", layer, dbLayer == null, offer, offer.dbLayers(), "database layer");
        }
        TreeSet<String> with = new TreeSet<>(recorded.with());
        with.addAll(this.with);
        with.removeAll(this.without);
        for (String f : this.with) {
            if (!offer.optional().contains(f)) {
                throw new UsageException("--with " + f + " is not offered for the " + offer.label() + " (optional: "
                        + (offer.optional().isEmpty() ? "none" : String.join(", ", offer.optional())) + ")");
            }
        }
        for (String f : this.without) {
            if (!recorded.with().contains(f)) {
                throw new UsageException("--without " + f + ": the project does not have it (its optional features: "
                        + (recorded.with().isEmpty() ? "none" : String.join(", ", recorded.with())) + ")");
            }
        }
        for (String f : with) {
            if (!offer.optional().contains(f)) {
                throw new UsageException("the recorded feature " + f + " is no longer offered for the " + offer.label()
                        + "; upgrade with --without " + f);
            }
        }
        if (!with.isEmpty() && !offer.optionalProvenWith(engine, layer)) {
            throw new UsageException("optional features (" + String.join(", ", with) + ") are proven on " + offer.db().getFirst()
                    + " via " + offer.dbLayers().getFirst() + " only, not on " + engine + " via " + layer);
        }
        TreeSet<String> features = new TreeSet<>(offer.features());
        features.addAll(with);
        Blueprint changed = new Blueprint(recorded.name(), recorded.kind(), offer.set(), offer.web(),
                recorded.runtime(), engine, layer, List.copyOf(features), List.copyOf(with), recorded.resource(), recorded.msrv(),
                recorded.crates(), recorded.decisions(), List.of());
        return changed.withDecisions(decisions(recorded, changed));
    }

    /** The set of the asked web framework, for the same kind of project. */
    private Offer framework(Blueprint recorded, Offer recordedOffer, List<Offer> offers) {
        if (recorded.web() == null) {
            throw new UsageException("--web does not apply: the " + recordedOffer.label() + " has no web framework");
        }
        List<Offer> sameKind = offers.stream().filter(o -> o.kind() == recorded.kind() && o.web() != null).toList();
        return sameKind.stream().filter(o -> o.web().equals(web)).findFirst().orElseThrow(() -> new UsageException("--web " + web
                + " is not offered: the " + recorded.kind().label() + "'s frameworks are "
                + String.join(", ", sameKind.stream().map(Offer::web).toList())));
    }

    /** The README's decisions, the last line (what was generated) written anew for the changed blueprint. */
    private static List<String> decisions(Blueprint recorded, Blueprint changed) {
        List<String> lines = new ArrayList<>(recorded.decisions());
        if (!lines.isEmpty() && lines.getLast().equals(BlueprintPlanner.generatedLine(recorded))) {
            lines.set(lines.size() - 1, BlueprintPlanner.generatedLine(changed));
        }
        return lines;
    }

    private static void check(String flag, String value, boolean recorded, Offer offer, List<String> offered, String what) {
        if (offered.contains(value)) {
            return;
        }
        throw new UsageException(recorded
                ? "the recorded " + what + " " + value + " is not offered for the " + offer.label() + "; upgrade with " + flag + " "
                        + String.join("|", offered)
                : flag + " " + value + " is not offered here: the " + what + " is one of " + String.join(", ", offered));
    }

    private static List<String> normalised(List<String> features) {
        return features == null ? List.of()
                : features.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty()).distinct().toList();
    }
}
