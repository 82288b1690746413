package dev.rustengineer.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Figures measured on the project's machine (knowledge/measurements.yaml), shown beside the spec's claims: values
 * for cells of the knowledge tables, and free figures that belong to no cell. Every value names its source.
 */
public record Measurements(List<Source> sources, List<Cell> cells, List<Figure> figures) {

    public Measurements {
        sources = List.copyOf(sources);
        cells = List.copyOf(cells);
        figures = List.copyOf(figures);
    }

    /** How a set of figures was measured; {@code rustc} and {@code notes} may be null. */
    public record Source(String id, String command, String date, String machine, String rustc, String notes) {

        /** The short form printed beside a value: the command and the day. */
        public String brief() {
            return command + " " + date;
        }
    }

    /** One measured value; {@code detail} (the exact figure, the spread) may be null. */
    public record Measured(String value, String detail, Source source) {}

    /** A measured value for one cell of a table (rows and columns by the table's own ids). */
    public record Cell(String table, String row, String column, Measured measured) {}

    /** A measured value that belongs to no table cell. */
    public record Figure(String id, String label, Measured measured) {}

    public Optional<Measured> cell(String table, String row, String column) {
        return cells.stream().filter(c -> c.table().equals(table) && c.row().equals(row) && c.column().equals(column))
                .map(Cell::measured).findFirst();
    }
}
