// with mvn -X the plugin logs where its time went, in the words of check --timings
def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[DEBUG\] timings: load \d+ ms \(3 resources\), derive \d+ ms, rules \d+ ms, report \d+ ms; JVM up \d+ ms$/
assert log.contains('Continuity check passed: 0 open findings')
