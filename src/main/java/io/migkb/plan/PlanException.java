package io.migkb.plan;

/** An inventory no plan can be made for; the message says why and what to change. */
public final class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
