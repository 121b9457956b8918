package dev.continuity.bench;

/**
 * A JVM that prints hello and exits: the yardstick of a cold small check (issue 15 asks for the
 * ratio to it). bench/run.sh starts it with the launcher's small-band flags, in turn with a check
 * of the compliant sample.
 */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
