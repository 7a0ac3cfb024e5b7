package app.rapport.platform.privacy;

import app.rapport.events.Personal;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Makes a mapper keep every {@link Personal} component encrypted: registered on the event store's
 * mapper, it covers events, dead letters and whatever else Axon stores, while aggregates and
 * projections see plain values. Jackson asks for a component's serializer and deserializer once
 * per class and mapper, so the annotations are read once, not per value.
 */
public class PersonalDataModule extends Module {

    private final PersonalData personalData;

    public PersonalDataModule(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public String getModuleName() {
        return "rapport-personal-data";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.insertAnnotationIntrospector(new NopAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated member) {
                return member.hasAnnotation(Personal.class) ? new SealingSerializer(personalData) : null;
            }

            @Override
            public Object findDeserializer(Annotated member) {
                return member.hasAnnotation(Personal.class) ? new OpeningDeserializer(personalData) : null;
            }
        });
    }
}
