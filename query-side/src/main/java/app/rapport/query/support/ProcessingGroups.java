package app.rapport.query.support;

import java.util.List;
import java.util.TreeSet;

import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The names of the read models' processing groups (contacts, timeline, …), as their projections
 * declare them. A group is what a query waits for and what has a dead-letter queue; several
 * groups may share one processor (rapport.processors.shared).
 */
@Component
public class ProcessingGroups {

    private final List<String> names;

    ProcessingGroups(ListableBeanFactory beans) {
        TreeSet<String> found = new TreeSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            found.add(beans.findAnnotationOnBean(bean, ProcessingGroup.class).value());
        }
        this.names = List.copyOf(found);
    }

    public List<String> names() {
        return names;
    }
}
