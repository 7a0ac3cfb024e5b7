package app.rapport.query.calendar;

import java.util.List;

import app.rapport.query.support.RebuiltReadModel;

/** The calendar feeds' tokens, as a rebuild makes them beside the live ones. */
public final class CalendarFeedsRebuilt {

    /** Every table {@link CalendarFeedProjection} writes. */
    public static final RebuiltReadModel READ_MODEL = new RebuiltReadModel(CalendarFeedProjection.GROUP,
            List.of("calendar_feed"), parts -> new CalendarFeedProjection(parts.jdbc()));

    private CalendarFeedsRebuilt() {
    }
}
