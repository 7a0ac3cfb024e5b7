/**
 * The intents a networker can send, in the imperative, one package per subject.
 *
 * <p>Every command names the journal it acts on ({@code ownerId}, or {@code networkerId}) and
 * carries {@code at}, already set to now by the caller when the networker gave no time, so that
 * the aggregates never read the wall clock to stamp a fact.
 */
package app.rapport.commands;
