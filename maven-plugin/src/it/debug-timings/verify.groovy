// with mvn -X the plugin logs where its time went, in the words of check --timings, and what its
// analysis cache (target/continuity.cache by default) served: nothing on this first build
def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[DEBUG\] timings: load \d+ ms \(3 resources\), derive \d+ ms, rules \d+ ms, report \d+ ms; JVM up \d+ ms$/
assert log =~ /(?m)^\[DEBUG\] cache: documents of 0 of \d+ files from the cache \(0 not read: unchanged since hashed\); findings of 0 of \d+ components from the cache; the inventory's shape worked out anew$/
assert log.contains('Continuity check passed: 0 open findings')
