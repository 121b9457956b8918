def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] continuity/inventory.yaml:1:7: kind: unknown kind 'Sevice'")
assert log.contains("[ERROR] continuity/inventory.yaml:8:1: regoin: unknown field 'regoin' in Site (did you mean 'region'?)")
assert log.contains('3 input errors in the inventory or rules')
assert !log.contains('Exception:')
