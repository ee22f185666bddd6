package dev.rtcsuite.admin.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rows under a header, each column as wide as its widest cell, separated by two spaces. */
public final class Table<T> {

    private final List<String> headers = new ArrayList<>();
    private final List<Function<T, String>> cells = new ArrayList<>();

    public Table<T> column(String header, Function<T, String> cell) {
        headers.add(header);
        cells.add(cell);
        return this;
    }

    public String format(List<T> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers);
        for (T row : rows) {
            lines.add(cells.stream().map(cell -> cell.apply(row)).toList());
        }
        int[] widths = new int[headers.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                row.append(i == widths.length - 1 ? line.get(i) : pad(line.get(i), widths[i] + 2));
            }
            text.append(row.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
