package app.rapport.values;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactDetailsTest {

    private static final ContactDetails CURRENT = new ContactDetails(
            "Lin Chen", "Harbour Labs", "Data Engineer", "data platforms", Channel.VIDEO,
            "Café Nord", "lin@example.org", "+1 555 0100", "met at the fair");

    @Test
    void mergedWith_keepsEveryFieldTheChangeLeavesNull() {
        ContactDetails changes = new ContactDetails(
                null, "Tidewater Analytics", "Staff Engineer", null, Channel.PHONE,
                null, null, null, null);

        assertThat(CURRENT.mergedWith(changes)).isEqualTo(new ContactDetails(
                "Lin Chen", "Tidewater Analytics", "Staff Engineer", "data platforms", Channel.PHONE,
                "Café Nord", "lin@example.org", "+1 555 0100", "met at the fair"));
    }

    @Test
    void mergedWith_changesNothing_whenGivenNoChanges() {
        ContactDetails none = new ContactDetails(null, null, null, null, null, null, null, null, null);

        assertThat(CURRENT.mergedWith(none)).isEqualTo(CURRENT);
        assertThat(CURRENT.mergedWith(null)).isEqualTo(CURRENT);
    }
}
