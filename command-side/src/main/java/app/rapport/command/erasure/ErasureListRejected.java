package app.rapport.command.erasure;

import java.util.List;

import app.rapport.platform.web.FieldError;

/** A list of erasures that does not fit this event store, with every item that does not; nothing of it was applied. */
class ErasureListRejected extends RuntimeException {

    private final List<FieldError> errors;

    ErasureListRejected(List<FieldError> errors) {
        super("The list names " + errors.size() + " erasure(s) this store holds otherwise", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
