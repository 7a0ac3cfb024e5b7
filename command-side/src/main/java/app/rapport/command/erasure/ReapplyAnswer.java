package app.rapport.command.erasure;

/**
 * What applying a list of erasures again did.
 *
 * @param applied erasures the store or the key store had lost (a restore of an older backup):
 *        the erasure's event was appended again, or the subject listed and its key deleted again
 * @param alreadyErased erasures both still held
 */
public record ReapplyAnswer(int applied, int alreadyErased) {
}
