def log = new File(basedir, 'build.log').text
assert log.contains("src/continuity-rules/loop.drl:7:1: rule 'tick forever' (X-002) fired more than 1000 times")
assert log.contains('BUILD FAILURE')
