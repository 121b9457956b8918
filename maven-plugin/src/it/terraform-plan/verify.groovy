// a plan among the inventory paths: its database's findings point at plan.json, the service's at the YAML
def log = new File(basedir, 'build.log').text
def top = basedir.toPath().toAbsolutePath().normalize()
for (def p = top; p != null; p = p.parent) { if (p.resolve('.git').toFile().exists()) { top = p; break } }
def at = top.relativize(basedir.toPath().toAbsolutePath().normalize()).toString().replace('\\', '/') + '/'

assert log.contains("[ERROR] ${at}plan.json:13:11: DAT-002 high aws_db_instance.billing:")
assert log.contains("[ERROR] ${at}plan.json:21:13: DAT-004 high aws_db_instance.billing:")
assert log.contains("[ERROR] ${at}continuity/billing.yaml:2:1: NET-004 critical billing [site:aws.eu-central-1a]:")
assert log.contains("[WARNING] import: ${at}plan.json: not imported: 1 aws_ecs_service resource (aws_ecs_service.billing_api) has no continuity mapping")
assert log.contains('Continuity check failed')
