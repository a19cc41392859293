package org.wayfarer.channel.wechat.qrcode;

import java.util.List;

/**
 * A create command that cannot be carried out; nothing was stored and WeChat was not called. Either its fields are
 * malformed, or ({@link #unresolved()}) they are well-formed but name something the tenant does not have: an
 * official account it did not connect, a journey it does not own.
 */
public class InvalidQrCodeException extends RuntimeException {

    private final transient List<QrCodeProblem> problems;
    private final boolean unresolved;

    public InvalidQrCodeException(List<QrCodeProblem> problems, boolean unresolved) {
        super("the QR code has " + problems.size() + " problem(s): "
                + String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
        this.problems = List.copyOf(problems);
        this.unresolved = unresolved;
    }

    /** Every problem found, in the order of the command's fields. */
    public List<QrCodeProblem> problems() {
        return problems;
    }

    /** Whether the problems are references the tenant cannot resolve rather than malformed fields. */
    public boolean unresolved() {
        return unresolved;
    }
}
