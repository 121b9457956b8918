def log = new File(basedir, 'build.log').text
// paths in the log are relative to the top of the source tree: the git work tree, else the reactor root (interfaces.md v2)
def top = basedir.toPath().toAbsolutePath().normalize()
for (def p = top; p != null; p = p.parent) { if (p.resolve('.git').toFile().exists()) { top = p; break } }
def at = top.relativize(basedir.toPath().toAbsolutePath().normalize()).toString().replace('\\', '/')
at = at.isEmpty() ? '' : at + '/'
assert log.contains("[ERROR] ${at}continuity/inventory.yaml:1:7: kind: unknown kind 'Sevice'")
assert log.contains("[ERROR] ${at}continuity/inventory.yaml:8:1: regoin: unknown field 'regoin' in Site (did you mean 'region'?)")
assert log.contains('3 input errors in the inventory or rules')
assert !log.contains('Exception:')
