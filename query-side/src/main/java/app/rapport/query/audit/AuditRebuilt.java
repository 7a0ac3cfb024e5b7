package app.rapport.query.audit;

import java.util.List;

import app.rapport.platform.axon.EventStoreTables;
import app.rapport.platform.privacy.Erasures;
import app.rapport.query.support.RebuiltReadModel;
import org.springframework.stereotype.Component;

/**
 * The audit trail as a rebuild makes it beside the live one. Its projection reads the event store
 * and the erasures list as well as writing its table, so it is made from those beans: a
 * component, where the other read models' descriptions are constants.
 */
@Component
public class AuditRebuilt {

    private final RebuiltReadModel readModel;

    AuditRebuilt(EventStoreTables eventStore, Erasures erasures) {
        this.readModel = new RebuiltReadModel(AuditProjection.GROUP, List.of("audit_entry"),
                parts -> new AuditProjection(parts.jdbc(), eventStore, erasures));
    }

    /** Every table {@link AuditProjection} writes, and a fresh projection on the rebuild's connection. */
    public RebuiltReadModel readModel() {
        return readModel;
    }
}
