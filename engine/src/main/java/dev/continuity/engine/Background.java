package dev.continuity.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Work a check hands to a thread of its own while it goes on (the cache's writer, the components
 * evaluated again): on two cores the common pool has one thread, which the loader's file readers
 * already take, so each such task gets a daemon thread, named for thread dumps and profiles.
 */
public final class Background {
    private Background() {
    }

    /** Starts {@code work} on a new daemon thread called {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        Executor thread = r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        };
        return CompletableFuture.supplyAsync(work, thread);
    }

    /** The task's result, waited for; what it threw is thrown here as it was, not wrapped. */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
