package app.rapport.command.dispatch;

import java.lang.reflect.Method;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

/**
 * Lets every command handler of an aggregate answer with the version it left the aggregate at.
 * The version is read in the aggregate's own scope the moment the handler returns, so it counts the
 * events this handler applied on top of the history it was given (loaded, or from the cache), and
 * nothing another writer stores before or after. A handler that applied nothing answers the version
 * it decided on. The answer travels as the command's result, which reaches the sender only once the
 * unit of work has committed, so {@link CommandDispatcher} never sees a version that was not stored.
 * <p>
 * Only handlers without a result of their own are wrapped: a constructor's result is the new
 * aggregate, which Axon needs, and a handler that returns something has its own answer to give.
 */
class DecidedVersions implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean answersNothing = original.unwrap(Method.class)
                .filter(method -> method.getReturnType() == void.class)
                .isPresent();
        boolean aggregateCommandHandler = original.hasAnnotation(CommandHandler.class)
                && AnnotationUtils.isAnnotationPresent(original.declaringClass(), AggregateRoot.class);
        return answersNothing && aggregateCommandHandler ? new AnsweringVersion<>(original) : original;
    }

    private static final class AnsweringVersion<T> extends WrappedMessageHandlingMember<T> {

        AnsweringVersion(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            super.handle(message, target);
            AggregateScopeDescriptor aggregate = (AggregateScopeDescriptor) Scope.describeCurrentScope();
            return new Decided(aggregate.getIdentifier().toString(), AggregateLifecycle.getVersion());
        }
    }
}
