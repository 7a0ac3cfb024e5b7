package app.rapport.values;

/** The courtesies observed during a held interview, which mentors review for adherence. */
public record InterviewChecklist(
        boolean thankedAtStart,
        boolean introducedSelf,
        boolean askedForReferrals,
        boolean thankedAtEnd) {
}
