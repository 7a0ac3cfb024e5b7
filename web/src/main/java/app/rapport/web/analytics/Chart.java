package app.rapport.web.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart drawn on the server as SVG: one group of bars per row of the API's
 * answer, one bar per measure. Geometry only; the numbers are in the table beside it.
 *
 * @param height the SVG's height in its own units (the width is always {@link #WIDTH})
 */
record Chart(String title, List<String> measures, List<Group> groups, int height) {

    static final int WIDTH = 320;
    static final int LABEL = 110;
    static final int BAR = 12;
    static final int GAP = 10;

    record Bar(String measure, int measureIndex, double y, double width, String text) {
    }

    record Group(String key, double y, List<Bar> bars) {
    }

    /** Rates (0–1, or null where there is nothing to divide) of each row, as bars. */
    static Chart ofRates(String title, List<Map<String, Object>> rows, List<String> measures, List<String> labels) {
        List<Group> groups = new ArrayList<>();
        double y = GAP;
        for (Map<String, Object> row : rows) {
            List<Bar> bars = new ArrayList<>();
            double top = y;
            for (int i = 0; i < measures.size(); i++) {
                Object rate = row.get(measures.get(i));
                double value = rate instanceof Number number ? number.doubleValue() : 0;
                bars.add(new Bar(labels.get(i), i, y, value * (WIDTH - LABEL - 40),
                        rate instanceof Number ? Math.round(value * 100) + " %" : "–"));
                y += BAR + 2;
            }
            groups.add(new Group(String.valueOf(row.get("key")), top, bars));
            y += GAP;
        }
        return new Chart(title, labels, groups, (int) Math.max(y, 40));
    }

    /** Counts in steps (the funnel), each bar as wide as its share of the first. */
    static Chart ofCounts(String title, List<String> labels, List<Long> counts) {
        List<Group> groups = new ArrayList<>();
        double y = GAP;
        long first = counts.isEmpty() ? 0 : counts.get(0);
        for (int i = 0; i < labels.size(); i++) {
            double share = first == 0 ? 0 : counts.get(i) / (double) first;
            groups.add(new Group(labels.get(i), y, List.of(new Bar(labels.get(i), 0, y, share * (WIDTH - LABEL - 40),
                    String.valueOf(counts.get(i))))));
            y += BAR + 2 + GAP;
        }
        return new Chart(title, List.of("count"), groups, (int) Math.max(y, 40));
    }
}
