def log = new File(basedir, 'build.log').text
assert log.contains("src/continuity-rules/throw.drl:4:1: rule 'boom' (X-005) threw IllegalStateException: boom on")
assert log.contains('BUILD FAILURE')
