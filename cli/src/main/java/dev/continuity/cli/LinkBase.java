package dev.continuity.cli;

/** Where Markdown links a finding's file: {@code --link-base}, else GitHub Actions' environment. */
final class LinkBase {
    private LinkBase() {
    }

    /** {@code $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA} when all three are set, else null. */
    static String fromGitHubEnvironment() {
        String server = System.getenv("GITHUB_SERVER_URL"), repo = System.getenv("GITHUB_REPOSITORY"), sha = System.getenv("GITHUB_SHA");
        if (server == null || repo == null || sha == null || server.isBlank() || repo.isBlank() || sha.isBlank()) return null;
        return server.replaceAll("/+$", "") + "/" + repo + "/blob/" + sha;
    }
}
