package app.rapport.query.mentors;

import java.util.List;

import app.rapport.query.support.RebuiltReadModel;

/** Who may read whose journal, as a rebuild makes it beside the live grants. */
public final class MentorsRebuilt {

    /** Every table {@link MentorsProjection} writes. */
    public static final RebuiltReadModel READ_MODEL = new RebuiltReadModel(MentorsProjection.GROUP,
            List.of("mentor_grant"), parts -> new MentorsProjection(parts.jdbc()));

    private MentorsRebuilt() {
    }
}
