def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] continuity/inventory.yaml:12:1: OWN-001 high wiki: service wiki has no owner')
assert log.contains('Continuity check failed: 1 open finding (0 critical, 1 high, 0 medium, 0 low)')
