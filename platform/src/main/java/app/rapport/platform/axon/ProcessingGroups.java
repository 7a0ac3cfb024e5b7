package app.rapport.platform.axon;

import java.util.List;
import java.util.TreeSet;

import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The names of the processing groups the app's event handlers declare (the query side's read
 * models: contacts, timeline, …), read from the bean definitions without creating the beans. A
 * group is what a query waits for, what has a dead-letter queue, and the name of its processor.
 */
public class ProcessingGroups {

    private final List<String> names;

    public ProcessingGroups(ListableBeanFactory beans) {
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
