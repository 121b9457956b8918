package dev.continuity.engine.imports;

import com.fasterxml.jackson.core.JsonToken;
import dev.continuity.engine.load.InputError;
import dev.continuity.engine.load.YNode;
import dev.continuity.engine.load.YNode.*;
import dev.continuity.engine.model.Dur;
import dev.continuity.engine.model.Location;

import java.util.*;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Terraform's JSON ({@code terraform show -json} of a plan or of state, format 1.x) into
 * inventory documents: cloud regions and availability zones as Sites, databases and buckets as
 * DataStores with the replicas and backups their resources declare, dedicated links as
 * InternetLinks, and DNS failover with a health check as an automated failover. Only the
 * attributes named here are read, so no secret is ever copied. What cannot be derived is a
 * warning, never a guess. docs/importing.md is the mapping, rule by rule.
 */
public final class TerraformImporter {
    /** The tag (AWS, Azure) or label (GCP) that bounds an asynchronous copy's lag: an ISO-8601 duration. */
    public static final String MAX_LAG_TAG = "continuity-max-lag";
    /** The tag that names the site a dedicated link connects. */
    public static final String SITE_TAG = "continuity-site";
    /** The tag on a Route 53 health check that names the Service its failover serves. */
    public static final String SERVICE_TAG = "continuity-service";

    /** Resource types this importer reads; any other managed resource is listed as not imported. */
    static final Set<String> MAPPED = Set.of(
            "aws_db_instance", "aws_rds_cluster", "aws_rds_global_cluster",
            "aws_s3_bucket", "aws_s3_bucket_replication_configuration", "aws_s3_bucket_object_lock_configuration",
            "aws_backup_plan", "aws_backup_selection", "aws_backup_vault", "aws_backup_vault_lock_configuration",
            "azurerm_storage_account", "google_sql_database_instance", "google_storage_bucket",
            "aws_dx_connection", "azurerm_express_route_circuit", "aws_route53_record", "aws_route53_health_check");

    /** Azure's region pairs, as Microsoft documents them (geo-redundant storage replicates to the pair). */
    private static final Map<String, String> AZURE_PAIRS = pairs(
            "westeurope", "northeurope", "germanywestcentral", "germanynorth", "francecentral", "francesouth",
            "uksouth", "ukwest", "swedencentral", "swedensouth", "switzerlandnorth", "switzerlandwest",
            "norwayeast", "norwaywest", "eastus", "westus", "eastus2", "centralus", "northcentralus", "southcentralus",
            "westus2", "westcentralus", "canadacentral", "canadaeast", "japaneast", "japanwest",
            "australiaeast", "australiasoutheast", "southeastasia", "eastasia", "centralindia", "southindia",
            "koreacentral", "koreasouth", "southafricanorth", "southafricawest", "uaenorth", "uaecentral");

    /** Google Cloud's predefined dual-regions and the two regions each spans. */
    private static final Map<String, List<String>> GCP_DUAL_REGIONS = Map.of(
            "asia1", List.of("asia-northeast1", "asia-northeast2"),
            "eur4", List.of("europe-north1", "europe-west4"),
            "eur5", List.of("europe-west1", "europe-west2"),
            "eur7", List.of("europe-west2", "europe-west3"),
            "eur8", List.of("europe-west3", "europe-west6"),
            "nam4", List.of("us-central1", "us-east1"));

    private static final Set<String> GCP_MULTI_REGIONS = Set.of("eu", "us", "asia");

    private static final Map<String, String> PROVIDERS = Map.of("aws", "aws", "azurerm", "azure", "google", "gcp");

    private static Map<String, String> pairs(String... regions) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < regions.length; i += 2) {
            m.put(regions[i], regions[i + 1]);
            m.put(regions[i + 1], regions[i]);
        }
        return Map.copyOf(m);
    }

    /** One managed resource of one file. */
    private record Res(String address, String type, String file, Location at, YMap values, FileModel model) {
        String provider() {
            int u = type.indexOf('_');
            return PROVIDERS.get(u < 0 ? type : type.substring(0, u));
        }
    }

    /** What a file says beside its resources: its configuration (plans) and variables. */
    private record FileModel(String file, Map<String, YMap> configByAddress, YMap providerConfig, YMap variables) {
    }

    private final List<Res> resources = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();
    private final List<ImportNote> warnings = new ArrayList<>();
    private final Map<String, Integer> dataSources = new TreeMap<>();
    private final Set<String> used = new HashSet<>();

    /** True when a JSON value is Terraform's: an object with {@code format_version} and {@code terraform_version}. */
    public static boolean isTerraform(YNode root) {
        return root instanceof YMap m && m.get("format_version") != null && m.get("terraform_version") != null;
    }

    /** Reads one file's JSON; an error (a format other than 1.x, not Terraform's) is recorded. */
    public void add(String file, YNode root) {
        if (!isTerraform(root)) {
            Location at = root == null ? new Location(file, 1, 1) : root.location();
            errors.add(InputError.at(at, "not Terraform's JSON: expected the output of 'terraform show -json' (an object with"
                    + " format_version and terraform_version); an inventory file must end in .yaml or .yml"));
            return;
        }
        YMap m = (YMap) root;
        YEntry version = m.get("format_version");
        String v = version.value() instanceof YScalar s ? s.text() : "";
        if (!v.matches("1(\\.\\d+)*")) {
            errors.add(InputError.at(version.value().location(), "format_version", "Terraform JSON format "
                    + dev.continuity.engine.text.Text.quote(v) + " is not supported: this version reads format 1.x"
                    + " (terraform show -json of Terraform 0.12 to 1.x)"));
            return;
        }
        Map<String, YMap> config = new HashMap<>();
        YMap configuration = map(m, "configuration");
        if (configuration != null) collectConfig(map(configuration, "root_module"), "", config);
        FileModel model = new FileModel(file, config, configuration == null ? null : map(configuration, "provider_config"), map(m, "variables"));
        YMap values = map(m, "planned_values");
        if (values == null) values = map(m, "values");
        if (values != null) collectResources(map(values, "root_module"), model);
    }

    private static void collectConfig(YMap module, String prefix, Map<String, YMap> out) {
        if (module == null) return;
        for (YNode r : seq(module, "resources")) {
            if (r instanceof YMap rm && text(rm, "address") != null) out.put(prefix + text(rm, "address"), rm);
        }
        YMap calls = map(module, "module_calls");
        if (calls == null) return;
        for (YEntry call : calls.entries().values()) {
            if (call.value() instanceof YMap c) collectConfig(map(c, "module"), prefix + "module." + call.key() + ".", out);
        }
    }

    private void collectResources(YMap module, FileModel model) {
        if (module == null) return;
        for (YNode r : seq(module, "resources")) {
            if (!(r instanceof YMap rm)) continue;
            String address = text(rm, "address");
            String type = text(rm, "type");
            if (address == null || type == null) continue;
            if ("data".equals(text(rm, "mode"))) {
                dataSources.merge(model.file(), 1, Integer::sum);
                continue;
            }
            YEntry a = rm.get("address");
            YMap values = map(rm, "values");
            resources.add(new Res(address, type, model.file(), a.keyLocation(),
                    values == null ? new YMap(rm.location(), new LinkedHashMap<>()) : values, model));
        }
        for (YNode child : seq(module, "child_modules")) {
            if (child instanceof YMap cm) collectResources(cm, model);
        }
    }

    // ---------------------------------------------------------------- the result

    /** A DataStore being assembled from several resources. */
    private final class Store {
        final Res res;
        final String id;
        String name;
        String site;
        Location siteAt;
        final List<YNode> replicas = new ArrayList<>();
        final List<YNode> backups = new ArrayList<>();

        Store(Res res, String name) {
            this.res = res;
            this.id = ids.of(res.address());
            this.name = name;
        }

        void replica(String site, String mode, Dur maxLag, Location at) {
            Doc d = new Doc(at).text("site", site, at).text("mode", mode, at);
            if (maxLag != null) d.text("maxLag", maxLag.toString(), at);
            replicas.add(d.build());
        }

        void backup(Dur frequency, Dur retention, String site, String medium, boolean immutable, boolean encrypted, Location at) {
            Doc d = new Doc(at).text("frequency", frequency.toString(), at);
            if (retention != null) d.text("retention", retention.toString(), at);
            d.text("site", site, at).text("medium", medium, at);
            if (immutable) d.bool("immutable", true, at);
            d.bool("encrypted", encrypted, at);
            backups.add(d.build());
        }
    }

    private final Ids ids = new Ids();
    private final Map<String, Store> stores = new LinkedHashMap<>(); // by resource address
    private final Map<String, ImportedDocument> shared = new TreeMap<>(); // sites and vendors, by id
    private final List<ImportedDocument> documents = new ArrayList<>();

    /** Everything read so far, as documents. */
    public Imported result() {
        resources.sort(Comparator.comparing(Res::address));
        index();
        ids.reserve(resources.stream().map(Res::address).toList());
        for (Res r : resources) {
            switch (r.type()) {
                case "aws_db_instance" -> {
                    if (blank(text(r.values(), "replicate_source_db"))) awsDbInstance(r);
                }
                case "aws_rds_cluster" -> awsRdsCluster(r);
                case "aws_s3_bucket" -> {
                    if (!isReplicationDestination(r)) awsS3Bucket(r);
                }
                case "azurerm_storage_account" -> azureStorage(r);
                case "google_sql_database_instance" -> {
                    if (blank(text(r.values(), "master_instance_name"))) googleSql(r);
                }
                case "google_storage_bucket" -> googleBucket(r);
                default -> {
                }
            }
        }
        for (Res r : resources) {
            switch (r.type()) {
                case "aws_db_instance" -> {
                    if (!blank(text(r.values(), "replicate_source_db"))) awsDbReplica(r);
                }
                case "aws_rds_global_cluster" -> awsGlobalCluster(r);
                case "aws_s3_bucket_replication_configuration" -> awsS3Replication(r);
                case "google_sql_database_instance" -> {
                    if (!blank(text(r.values(), "master_instance_name"))) googleSqlReplica(r);
                }
                case "aws_backup_selection" -> awsBackupSelection(r);
                case "aws_dx_connection" -> awsDxConnection(r);
                case "azurerm_express_route_circuit" -> azureExpressRoute(r);
                case "aws_route53_record" -> awsRoute53Record(r);
                default -> {
                }
            }
        }
        for (Store s : stores.values()) {
            Doc d = header("DataStore", s.id, s.res);
            d.text("name", s.name, s.res.at());
            d.text("site", s.site, s.siteAt);
            d.list("replicas", s.replicas, s.res.at());
            d.list("backups", s.backups, s.res.at());
            documents.add(new ImportedDocument("DataStore", s.id, s.res.file(), s.res.address(), d.build(), false));
        }
        List<ImportedDocument> all = new ArrayList<>(shared.values());
        all.addAll(documents);
        all.sort(ImportOrder.DOCUMENTS);
        List<String> unmapped = unmapped();
        warnings.sort(null);
        return new Imported(all, warnings, unmapped, errors);
    }

    private List<String> unmapped() {
        Map<String, Map<String, List<String>>> byFile = new TreeMap<>();
        for (Res r : resources) {
            if (used.contains(r.address() + "@" + r.file())) continue;
            byFile.computeIfAbsent(r.file(), k -> new TreeMap<>()).computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r.address());
        }
        List<String> lines = new ArrayList<>();
        byFile.forEach((file, types) -> types.forEach((type, addresses) -> {
            boolean one = addresses.size() == 1;
            String why = MAPPED.contains(type) ? (one ? "declares" : "declare") + " nothing this importer reads"
                    : (one ? "has" : "have") + " no continuity mapping";
            String list = String.join(", ", addresses.subList(0, Math.min(3, addresses.size())))
                    + (addresses.size() > 3 ? " and " + (addresses.size() - 3) + " more" : "");
            lines.add(dev.continuity.engine.text.Text.escape(file + ": not imported: " + addresses.size() + " " + type
                    + (addresses.size() == 1 ? " resource" : " resources") + " (" + list + ") " + why));
        }));
        dataSources.forEach((file, n) -> lines.add(file + ": not imported: " + n + (n == 1 ? " data source" : " data sources")
                + " (data sources look up what others declare)"));
        return lines;
    }

    private Doc header(String kind, String id, Res r) {
        return Doc.document(kind, id, r.address(), r.at());
    }

    private void use(Res r) {
        used.add(r.address() + "@" + r.file());
    }

    private void warn(Res r, String message) {
        warnings.add(new ImportNote(r.at(), r.address(), message));
    }

    // ---------------------------------------------------------------- sites and vendors

    private String vendor(String provider, Res r) {
        sharedDoc("Vendor", provider, "provider " + provider, r, d -> d.text("type", "cloud", r.at()));
        return provider;
    }

    /** The site of a region (or a multi-region), created on first use. */
    private String regionSite(String provider, String region, Res r) {
        String id = provider + "." + region;
        String vendor = vendor(provider, r);
        sharedDoc("Site", id, "region " + id, r, d -> d.text("type", "cloud-region", r.at()).text("region", region, r.at()).text("provider", vendor, r.at()));
        return id;
    }

    /** The site of an availability zone, in its region's hazard zone. */
    private String zoneSite(String provider, String region, String zone, Res r) {
        String id = provider + "." + zone;
        String vendor = vendor(provider, r);
        sharedDoc("Site", id, "availability zone " + id, r, d -> d.text("type", "cloud-region", r.at()).text("region", region, r.at()).text("provider", vendor, r.at()));
        return id;
    }

    /** A site or vendor that several resources share: made once, its x-source naming what it stands for and the first resource that needed it. */
    private void sharedDoc(String kind, String id, String address, Res r, java.util.function.Consumer<Doc> fields) {
        if (shared.containsKey(id)) return;
        Doc d = Doc.document(kind, id, address, r.at());
        fields.accept(d);
        shared.put(id, new ImportedDocument(kind, id, r.file(), id, d.build(), false));
    }

    // ---------------------------------------------------------------- regions

    /** The region of a resource: its own attribute, its zone, its ARN, else its provider's configuration. */
    private String region(Res r) {
        YMap v = r.values();
        String region = text(v, "region");
        if (!blank(region)) return region.toLowerCase(Locale.ROOT);
        String az = text(v, "availability_zone");
        if (!blank(az) && "aws".equals(r.provider())) return az.toLowerCase(Locale.ROOT).replaceAll("[a-z]+$", "");
        String arn = text(v, "arn");
        if (arn != null) {
            String[] parts = arn.split(":", -1);
            if (parts.length > 4 && !parts[3].isEmpty()) return parts[3].toLowerCase(Locale.ROOT);
        }
        return providerRegion(r);
    }

    private String providerRegion(Res r) {
        FileModel m = r.model();
        if (m.providerConfig() == null) return null;
        YMap config = m.configByAddress().get(configAddress(r.address()));
        String key = config == null ? null : text(config, "provider_config_key");
        if (key == null) key = r.provider() == null ? null : Map.of("aws", "aws", "azure", "azurerm", "gcp", "google").get(r.provider());
        if (key == null) return null;
        YMap provider = map(m.providerConfig(), key);
        if (provider == null && key.contains(":")) provider = map(m.providerConfig(), key.substring(key.lastIndexOf(':') + 1));
        if (provider == null) return null;
        YMap region = map(map(provider, "expressions"), "region");
        if (region == null) return null;
        String constant = text(region, "constant_value");
        if (!blank(constant)) return constant.toLowerCase(Locale.ROOT);
        for (YNode ref : seq(region, "references")) {
            if (ref instanceof YScalar s && s.text().startsWith("var.") && m.variables() != null) {
                String value = text(map(m.variables(), s.text().substring(4)), "value");
                if (!blank(value)) return value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** The configuration block of a resource instance: module and resource keys removed. */
    private static String configAddress(String address) {
        return address.replaceAll("\\[[^\\]]*\\]", "");
    }

    // ---------------------------------------------------------------- data stores

    private Store store(Res r, String name, String site, Location siteAt) {
        use(r);
        Store s = new Store(r, name);
        s.site = site;
        s.siteAt = siteAt;
        stores.put(r.address() + "@" + r.file(), s);
        return s;
    }

    private Store storeOf(Res r) {
        return r == null ? null : stores.get(r.address() + "@" + r.file());
    }

    private String regionOrWarn(Res r) {
        String region = region(r);
        if (region == null) warn(r, "its region is not known (no region, availability zone or ARN, and no provider region in the plan): not imported");
        return region;
    }

    private void awsDbInstance(Res r) {
        String region = regionOrWarn(r);
        if (region == null) return;
        YMap v = r.values();
        String az = text(v, "availability_zone");
        String regionSite = regionSite("aws", region, r);
        String site = blank(az) ? regionSite : zoneSite("aws", region, az.toLowerCase(Locale.ROOT), r);
        Store s = store(r, text(v, "identifier"), site, locationOf(v, blank(az) ? null : "availability_zone", r));
        if (bool(v, "multi_az")) s.replica(regionSite, "sync", null, locationOf(v, "multi_az", r));
        rdsAutomatedBackups(r, s, regionSite);
    }

    /** RDS and Aurora: automated backups with transaction logs every five minutes, kept backup_retention_period days. */
    private void rdsAutomatedBackups(Res r, Store s, String regionSite) {
        YMap v = r.values();
        Long days = number(v, "backup_retention_period");
        if (days == null) {
            warn(r, "backup_retention_period is not known in this plan: its automated backups were not imported");
        } else if (days > 0) {
            Dur retention = amount(days, "D");
            if (retention == null) warn(r, "backup_retention_period " + days + " is not a number of days RDS keeps: its automated backups were not imported");
            else s.backup(Dur.parse("PT5M"), retention, regionSite, "cloud", false, bool(v, "storage_encrypted"),
                    locationOf(v, "backup_retention_period", r));
        }
    }

    private void awsRdsCluster(Res r) {
        YMap v = r.values();
        String global = text(v, "global_cluster_identifier");
        if (!blank(global) && !isGlobalWriter(r, global)) return; // a secondary: a replica of the writer
        String region = regionOrWarn(r);
        if (region == null) return;
        String regionSite = regionSite("aws", region, r);
        Store s = store(r, text(v, "cluster_identifier"), regionSite, r.at());
        // Aurora keeps six copies of the storage in three availability zones of the region
        s.replica(regionSite, "sync", null, r.at());
        rdsAutomatedBackups(r, s, regionSite);
    }

    /** The writer of a global cluster: named so in the global cluster's members (state), else the cluster that has credentials. */
    private boolean isGlobalWriter(Res cluster, String global) {
        String arn = text(cluster.values(), "arn");
        for (Res g : ofType("aws_rds_global_cluster")) {
            if (!global.equals(text(g.values(), "global_cluster_identifier")) && !global.equals(text(g.values(), "id"))) continue;
            for (YNode member : seq(g.values(), "global_cluster_members")) {
                if (member instanceof YMap mm && arn != null && arn.equals(text(mm, "db_cluster_arn"))) return bool(mm, "is_writer");
            }
        }
        return !blank(text(cluster.values(), "master_username")) || bool(cluster.values(), "manage_master_user_password")
                || blank(text(cluster.values(), "global_cluster_identifier")) || onlyClusterOf(global);
    }

    private boolean onlyClusterOf(String global) {
        return ofType("aws_rds_cluster").stream().filter(c -> global.equals(text(c.values(), "global_cluster_identifier"))).count() == 1;
    }

    private void awsGlobalCluster(Res g) {
        use(g);
        String global = text(g.values(), "global_cluster_identifier");
        if (blank(global)) return;
        List<Res> members = ofType("aws_rds_cluster").stream().filter(c -> global.equals(text(c.values(), "global_cluster_identifier"))).toList();
        Res writer = members.stream().filter(c -> storeOf(c) != null).findFirst().orElse(null);
        if (writer == null) {
            if (!members.isEmpty()) warn(g, "none of its clusters is known as the writer: its replication was not imported");
            return;
        }
        for (Res secondary : members) {
            if (secondary == writer) continue;
            use(secondary);
            String region = regionOrWarn(secondary);
            if (region == null) continue;
            asyncCopy(secondary, storeOf(writer), () -> regionSite("aws", region, secondary),
                    "a secondary cluster of global cluster " + global + " (a copy of " + writer.address() + ")");
        }
    }

    /** An asynchronous replica whose lag only a tag can bound; without it, a warning. */
    private void asyncCopy(Res replica, Store of, java.util.function.Supplier<String> site, String what) {
        Dur lag = tagLag(replica);
        if (lag == null) {
            warn(replica, what + " whose lag nothing bounds: not imported; tag it " + MAX_LAG_TAG
                    + " with the lag you enforce, or declare the replica by hand");
            return;
        }
        of.replica(site.get(), "async", lag, replica.at());
    }

    private Dur tagLag(Res r) {
        String value = tag(r, MAX_LAG_TAG);
        if (value == null) return null;
        try {
            return Dur.parse(value.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            warn(r, "tag " + MAX_LAG_TAG + " is " + dev.continuity.engine.text.Text.quote(value) + ", not an ISO-8601 duration such as PT5M: ignored");
            return null;
        }
    }

    private void awsDbReplica(Res r) {
        use(r);
        String source = text(r.values(), "replicate_source_db");
        Res of = resolve(r, "replicate_source_db", source, "aws_db_instance", List.of("identifier", "arn"));
        Store store = storeOf(of);
        if (store == null) {
            warn(r, "replicates " + source + ", which is not imported: its replica was not imported");
            return;
        }
        String region = regionOrWarn(r);
        if (region == null) return;
        String az = text(r.values(), "availability_zone");
        asyncCopy(r, store, () -> blank(az) ? regionSite("aws", region, r) : zoneSite("aws", region, az.toLowerCase(Locale.ROOT), r),
                "an asynchronous replica of " + of.address());
    }

    private void awsS3Bucket(Res r) {
        String region = regionOrWarn(r);
        if (region == null) return;
        store(r, text(r.values(), "bucket"), regionSite("aws", region, r), locationOf(r.values(), "region", r));
    }

    /** A bucket that a replication rule writes into is a copy of its source, not a store of its own. */
    private boolean isReplicationDestination(Res bucket) {
        if (destinationBuckets == null) {
            destinationBuckets = Collections.newSetFromMap(new IdentityHashMap<>());
            destinationNames = new HashSet<>();
            for (Res rc : ofType("aws_s3_bucket_replication_configuration")) {
                for (RuleDest d : destinations(rc)) {
                    if (d.bucket() != null) destinationBuckets.add(d.bucket());
                    if (d.name() != null) destinationNames.add(d.name());
                }
            }
        }
        String name = text(bucket.values(), "bucket");
        return destinationBuckets.contains(bucket) || (name != null && destinationNames.contains(name));
    }

    /** The buckets and bucket names replication rules write into, found once. */
    private Set<Res> destinationBuckets;
    private Set<String> destinationNames;

    private record RuleDest(String rule, YMap destination, Res bucket, String name, Location at) {
    }

    private List<RuleDest> destinations(Res rc) {
        List<RuleDest> out = new ArrayList<>();
        List<YNode> rules = seq(rc.values(), "rule");
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof YMap rule) || "Disabled".equalsIgnoreCase(text(rule, "status"))) continue;
            YMap dest = first(rule, "destination");
            if (dest == null) continue;
            String arn = text(dest, "bucket");
            String name = arn == null ? null : arn.replaceFirst("^arn:aws:s3:::", "");
            Res bucket = resolve(rc, "rule", arn, "aws_s3_bucket", List.of("arn", "bucket"), i, "destination", "bucket");
            if (name == null && bucket != null) name = text(bucket.values(), "bucket");
            out.add(new RuleDest(nz(text(rule, "id")).isEmpty() ? "#" + (i + 1) : text(rule, "id"), dest, bucket, name, rule.location()));
        }
        return out;
    }

    private void awsS3Replication(Res rc) {
        use(rc);
        String source = text(rc.values(), "bucket");
        Res bucket = resolve(rc, "bucket", source, "aws_s3_bucket", List.of("bucket", "id"));
        Store store = storeOf(bucket);
        if (store == null) {
            warn(rc, "replicates bucket " + nz(source) + ", which is not imported: its replication was not imported");
            return;
        }
        for (RuleDest d : destinations(rc)) {
            if (d.bucket() != null) use(d.bucket());
            String region = d.bucket() == null ? null : region(d.bucket());
            if (region == null) {
                warn(rc, "rule " + d.rule() + ": the region of destination " + nz(d.name()) + " is not known: not imported");
                continue;
            }
            String site = regionSite("aws", region, rc);
            Dur lag = null;
            YMap rtc = first(d.destination(), "replication_time");
            if (rtc != null && "Enabled".equalsIgnoreCase(text(rtc, "status"))) {
                Long minutes = number(first(rtc, "time"), "minutes");
                lag = amount(minutes == null ? 15L : minutes, "M");
            }
            if (lag == null) lag = tagLag(bucket);
            if (lag == null) {
                warn(rc, "rule " + d.rule() + ": replication to " + nz(d.name()) + " without Replication Time Control has no bounded lag:"
                        + " not imported; enable Replication Time Control, tag the source bucket " + MAX_LAG_TAG + ", or declare the replica by hand");
                continue;
            }
            Dur retention = d.bucket() == null ? null : complianceRetention(d.bucket());
            if (retention != null) {
                // a compliance-mode Object Lock: every version written there stays, a copy no one can delete
                store.backup(lag, retention, site, "object", true, true, d.at());
            } else {
                store.replica(site, "async", lag, d.at());
            }
        }
    }

    /** The default retention of a bucket's Object Lock in compliance mode, or null. */
    private Dur complianceRetention(Res bucket) {
        String name = text(bucket.values(), "bucket");
        for (Res lock : ofType("aws_s3_bucket_object_lock_configuration")) {
            Res of = resolve(lock, "bucket", text(lock.values(), "bucket"), "aws_s3_bucket", List.of("bucket"));
            if (of != bucket && (name == null || !name.equals(text(lock.values(), "bucket")))) continue;
            use(lock);
            YMap retention = first(first(lock.values(), "rule"), "default_retention");
            if (retention == null || !"COMPLIANCE".equalsIgnoreCase(text(retention, "mode"))) return null;
            Long years = number(retention, "years");
            Long days = number(retention, "days");
            Dur y = amount(years, "Y");
            if (y != null) return y;
            Dur d = amount(days, "D");
            if (d != null) return d;
        }
        return null;
    }

    private void azureStorage(Res r) {
        YMap v = r.values();
        String location = text(v, "location");
        if (blank(location)) {
            warn(r, "its location is not known: not imported");
            return;
        }
        String region = location.toLowerCase(Locale.ROOT).replace(" ", "");
        String site = regionSite("azure", region, r);
        Store s = store(r, text(v, "name"), site, locationOf(v, "location", r));
        String type = nz(text(v, "account_replication_type")).toUpperCase(Locale.ROOT);
        Location at = locationOf(v, "account_replication_type", r);
        if (type.endsWith("ZRS")) s.replica(site, "sync", null, at);
        if (type.endsWith("GRS") || type.endsWith("GZRS")) {
            String pair = AZURE_PAIRS.get(region);
            if (pair == null) {
                warn(r, "geo-replication (" + type + ") from " + region + ", whose paired region is not known here: not imported; declare the replica by hand");
                return;
            }
            Dur lag = tagLag(r);
            if (lag == null) {
                warn(r, "geo-replication to " + pair + " (" + type + ") has no bounded lag: not imported; tag it " + MAX_LAG_TAG
                        + " with the lag you enforce, or declare the replica by hand");
                return;
            }
            s.replica(regionSite("azure", pair, r), "async", lag, at);
        }
    }

    private void googleSql(Res r) {
        YMap v = r.values();
        String region = regionOrWarn(r);
        if (region == null) return;
        YMap settings = first(v, "settings");
        String regionSite = regionSite("gcp", region, r);
        String zone = text(first(settings, "location_preference"), "zone");
        String site = blank(zone) ? regionSite : zoneSite("gcp", region, zone.toLowerCase(Locale.ROOT), r);
        Store s = store(r, text(v, "name"), site, r.at());
        if ("REGIONAL".equalsIgnoreCase(text(settings, "availability_type"))) {
            s.replica(regionSite, "sync", null, locationOf(settings, "availability_type", r));
        }
        YMap backup = first(settings, "backup_configuration");
        if (backup != null && bool(backup, "enabled")) {
            Long kept = number(first(backup, "backup_retention_settings"), "retained_backups");
            String location = text(backup, "location");
            String backupSite = blank(location) ? regionSite : regionSite("gcp", location.toLowerCase(Locale.ROOT), r);
            Dur retention = amount(kept == null ? 7L : kept, "D");
            if (retention == null) warn(r, "retained_backups " + kept + " is not a number of backups Cloud SQL keeps: its backups were not imported");
            else s.backup(Dur.parse("P1D"), retention, backupSite, "cloud", false, true, locationOf(backup, "enabled", r));
        }
    }

    private void googleSqlReplica(Res r) {
        use(r);
        String master = text(r.values(), "master_instance_name");
        Res of = resolve(r, "master_instance_name", master, "google_sql_database_instance", List.of("name"));
        Store store = storeOf(of);
        if (store == null) {
            warn(r, "replicates " + master + ", which is not imported: its replica was not imported");
            return;
        }
        String region = regionOrWarn(r);
        if (region == null) return;
        asyncCopy(r, store, () -> regionSite("gcp", region, r), "an asynchronous replica of " + of.address());
    }

    private void googleBucket(Res r) {
        YMap v = r.values();
        String location = nz(text(v, "location")).toLowerCase(Locale.ROOT);
        if (location.isEmpty()) {
            warn(r, "its location is not known: not imported");
            return;
        }
        List<String> regions = new ArrayList<>();
        YMap placement = first(v, "custom_placement_config");
        for (YNode l : seq(placement, "data_locations")) {
            if (l instanceof YScalar s) regions.add(s.text().toLowerCase(Locale.ROOT));
        }
        if (regions.isEmpty()) regions.addAll(GCP_DUAL_REGIONS.getOrDefault(location, List.of(location)));
        Location at = locationOf(v, "location", r);
        Store s = store(r, text(v, "name"), regionSite("gcp", regions.get(0), r), at);
        if (regions.size() > 1) {
            Dur lag = "ASYNC_TURBO".equalsIgnoreCase(text(v, "rpo")) ? Dur.parse("PT15M") : tagLag(r);
            if (lag == null) {
                warn(r, "dual-region replication to " + regions.get(1) + " without turbo replication has no bounded lag: not imported;"
                        + " set rpo to ASYNC_TURBO, label it " + MAX_LAG_TAG + ", or declare the replica by hand");
            } else {
                s.replica(regionSite("gcp", regions.get(1), r), "async", lag, at);
            }
        }
    }

    // ---------------------------------------------------------------- AWS Backup

    private void awsBackupSelection(Res sel) {
        use(sel);
        Res plan = resolve(sel, "plan_id", text(sel.values(), "plan_id"), "aws_backup_plan", List.of("id"));
        if (plan == null) {
            warn(sel, "its backup plan is not in this file: not imported");
            return;
        }
        use(plan);
        List<Store> selected = new ArrayList<>();
        List<YNode> arns = seq(sel.values(), "resources");
        for (YNode a : arns) {
            if (!(a instanceof YScalar s) || s.isNull()) continue;
            Res target = byArn(s.text());
            if (storeOf(target) != null) selected.add(storeOf(target));
            else warn(sel, "selects " + s.text() + ", which is not imported");
        }
        if (arns.isEmpty()) {
            for (Res target : referenced(sel, "resources", r -> storeOf(r) != null)) selected.add(storeOf(target));
        }
        if (!seq(sel.values(), "selection_tag").isEmpty() || first(sel.values(), "condition") != null) {
            warn(sel, "selection by tags or conditions is not resolved: the resources it selects that way were not given its backups");
        }
        if (selected.isEmpty()) return;
        String planRegion = region(plan);
        List<YNode> rules = seq(plan.values(), "rule");
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof YMap rule)) continue;
            String name = nz(text(rule, "rule_name"));
            String schedule = text(rule, "schedule");
            Dur frequency = schedule == null ? Dur.parse("P1D") : cronInterval(schedule);
            if (frequency == null) {
                warn(plan, "rule " + name + ": schedule " + schedule + " has no fixed interval: its backups were not imported; declare them by hand");
                continue;
            }
            Res vault = vaultNamed(plan, text(rule, "target_vault_name"), planRegion, i);
            String vaultRegion = vault == null ? planRegion : region(vault);
            if (vaultRegion == null) {
                warn(plan, "rule " + name + ": the region of its vault is not known: its backups were not imported");
                continue;
            }
            Dur retention = days(first(rule, "lifecycle"));
            boolean immutable = vault != null && complianceLocked(vault);
            for (Store s : selected) {
                s.backup(frequency, retention, regionSite("aws", vaultRegion, plan), "cloud", immutable, true, rule.location());
            }
            List<YNode> copies = seq(rule, "copy_action");
            for (int c = 0; c < copies.size(); c++) {
                if (!(copies.get(c) instanceof YMap copy)) continue;
                String arn = text(copy, "destination_vault_arn");
                Res dest = arn == null ? referencedAt(plan, r -> r.type().equals("aws_backup_vault"), "rule", i, "copy_action", c, "destination_vault_arn")
                        : byArn(arn);
                String destRegion = dest != null ? region(dest) : arnRegion(arn);
                if (destRegion == null) {
                    warn(plan, "rule " + name + ": the region of its copy's vault is not known: the copy was not imported");
                    continue;
                }
                boolean destLocked = dest != null && complianceLocked(dest);
                if (dest != null) use(dest);
                for (Store s : selected) {
                    s.backup(frequency, days(first(copy, "lifecycle")), regionSite("aws", destRegion, plan), "cloud", destLocked, true, copy.location());
                }
            }
        }
    }

    private Res vaultNamed(Res plan, String name, String region, int rule) {
        Res byRef = referencedAt(plan, r -> r.type().equals("aws_backup_vault"), "rule", rule, "target_vault_name");
        if (byRef != null) {
            use(byRef);
            return byRef;
        }
        for (Res v : ofType("aws_backup_vault")) {
            if (name != null && name.equals(text(v.values(), "name")) && Objects.equals(region(v), region)) {
                use(v);
                return v;
            }
        }
        return null;
    }

    /** A vault lock in compliance mode (changeable_for_days set): no one, not even the account's root, can delete its backups early. */
    private boolean complianceLocked(Res vault) {
        String name = text(vault.values(), "name");
        for (Res lock : ofType("aws_backup_vault_lock_configuration")) {
            Res of = resolve(lock, "backup_vault_name", text(lock.values(), "backup_vault_name"), "aws_backup_vault",
                    List.of("name"));
            boolean same = of == vault || (of == null && name != null && name.equals(text(lock.values(), "backup_vault_name"))
                    && Objects.equals(region(lock), region(vault)));
            if (!same) continue;
            use(lock);
            return number(lock.values(), "changeable_for_days") != null;
        }
        return false;
    }

    private static final Pattern CRON = Pattern.compile("cron\\(\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+(\\S+))?\\s*\\)");

    /** The interval of an AWS cron schedule with one: hourly, every n hours, daily, weekly, monthly; else null. */
    static Dur cronInterval(String schedule) {
        Matcher m = CRON.matcher(schedule.trim());
        if (!m.matches()) return null;
        String minute = m.group(1), hour = m.group(2), dom = m.group(3), month = m.group(4), dow = m.group(5);
        boolean anyDom = dom.equals("*") || dom.equals("?");
        boolean anyDow = dow.equals("*") || dow.equals("?");
        if (!month.equals("*") || !minute.matches("\\d+")) return null;
        Matcher every = Pattern.compile("(?:\\*|\\d+)/(\\d+)").matcher(hour);
        if (anyDom && anyDow) {
            if (hour.equals("*")) return Dur.parse("PT1H");
            if (every.matches()) return every.group(1).length() > 6 ? null : amount(Long.parseLong(every.group(1)), "H");
            if (hour.matches("\\d+")) return Dur.parse("P1D");
            return null;
        }
        if (!hour.matches("\\d+")) return null;
        if (anyDom && dow.matches("[A-Za-z]{3}|\\d")) return Dur.parse("P7D");
        if (anyDow && dom.matches("\\d+")) return Dur.parse("P1M");
        return null;
    }

    private static Dur days(YMap lifecycle) {
        return amount(number(lifecycle, "delete_after"), "D");
    }

    /**
     * A duration of {@code n} days (D), years (Y), hours (H) or minutes (M), or null when n is not a
     * count a provider would accept (absent, zero or less, or longer than a thousand years).
     */
    static Dur amount(Long n, String unit) {
        if (n == null || n <= 0) return null;
        long max = switch (unit) {
            case "Y" -> 1_000L;
            case "D" -> 365_000L;
            case "H" -> 8_760_000L;
            default -> 525_600_000L; // minutes
        };
        if (n > max) return null;
        return Dur.parse((unit.equals("H") || unit.equals("M") ? "PT" : "P") + n + unit);
    }

    // ---------------------------------------------------------------- links

    private void awsDxConnection(Res r) {
        YMap v = r.values();
        String isp = nz(text(v, "provider_name"));
        link(r, text(v, "name"), isp.isEmpty() ? "AWS Direct Connect" : isp, text(v, "location"), mbps(text(v, "bandwidth")),
                locationOf(v, "bandwidth", r));
    }

    private void azureExpressRoute(Res r) {
        YMap v = r.values();
        Long mbps = number(v, "bandwidth_in_mbps");
        link(r, text(v, "name"), nz(text(v, "service_provider_name")), text(v, "peering_location"), mbps == null ? null : mbps.doubleValue(),
                locationOf(v, "bandwidth_in_mbps", r));
    }

    private void link(Res r, String name, String ispName, String entryPoint, Double mbps, Location bandwidthAt) {
        use(r);
        String site = tag(r, SITE_TAG);
        if (blank(site)) {
            warn(r, "no " + SITE_TAG + " tag naming the site it connects: not imported");
            return;
        }
        if (ispName.isBlank()) {
            warn(r, "its provider is not known: not imported");
            return;
        }
        String isp = Ids.slug(ispName);
        sharedDoc("Vendor", isp, "provider " + ispName, r, d -> d.text("type", "isp", r.at()));
        String id = ids.of(r.address());
        Doc d = header("InternetLink", id, r).text("name", name, r.at())
                .text("site", site.toLowerCase(Locale.ROOT), r.at()).text("isp", isp, r.at()).text("entryPoint", entryPoint, r.at());
        if (mbps != null) d.number("bandwidthMbps", mbps, bandwidthAt);
        documents.add(new ImportedDocument("InternetLink", id, r.file(), r.address(), d.build(), false));
    }

    private static Double mbps(String bandwidth) {
        if (bandwidth == null) return null;
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([MG])bps", Pattern.CASE_INSENSITIVE).matcher(bandwidth.trim());
        if (!m.matches()) return null;
        double n = Double.parseDouble(m.group(1));
        return m.group(2).equalsIgnoreCase("G") ? n * 1000 : n;
    }

    // ---------------------------------------------------------------- DNS failover

    private void awsRoute53Record(Res r) {
        YMap policy = first(r.values(), "failover_routing_policy");
        if (policy == null) return;
        use(r);
        String healthCheck = text(r.values(), "health_check_id");
        if (blank(healthCheck) && referenced(r, "health_check_id", c -> c.type().equals("aws_route53_health_check")).isEmpty()) return;
        Res check = resolve(r, "health_check_id", healthCheck, "aws_route53_health_check", List.of("id"));
        if (check != null) use(check);
        String service = check == null ? null : tag(check, SERVICE_TAG);
        if (blank(service)) service = nz(text(r.values(), "name")).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (service.isEmpty()) return;
        Location at = locationOf(r.values(), "failover_routing_policy", r);
        Doc d = Doc.document("Service", service, r.address(), r.at());
        d.put("failover", new Doc(at).bool("automated", true, at).build());
        documents.add(new ImportedDocument("Service", service, r.file(), r.address(), d.build(), true));
    }

    // ---------------------------------------------------------------- references

    /** The resources by type, by ARN, and by file and configuration address, in address order; made once the files are read. */
    private final Map<String, List<Res>> byType = new HashMap<>();
    private final Map<String, Res> byArn = new HashMap<>();
    private final Map<String, List<Res>> byConfig = new HashMap<>();
    private final Map<Res, Integer> position = new IdentityHashMap<>();

    private void index() {
        for (int i = 0; i < resources.size(); i++) {
            Res r = resources.get(i);
            position.put(r, i);
            byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
            String arn = text(r.values(), "arn");
            if (arn != null) byArn.putIfAbsent(arn, r);
            byConfig.computeIfAbsent(r.file() + "\n" + configAddress(r.address()), k -> new ArrayList<>()).add(r);
        }
    }

    private List<Res> ofType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    private Res byArn(String arn) {
        return byArn.get(arn);
    }

    private static String arnRegion(String arn) {
        if (arn == null) return null;
        String[] parts = arn.split(":", -1);
        return parts.length > 4 && !parts[3].isEmpty() ? parts[3] : null;
    }

    /**
     * The resource an attribute names: by its value (state, or a plan that knows it) among the
     * candidates' keys, else by the references the plan's configuration records for it.
     */
    private Res resolve(Res from, String attribute, String value, String type, List<String> keys, Object... path) {
        if (!blank(value)) {
            // among the resources whose key attributes hold the value: one of the same file first
            Res first = null;
            for (String key : keys) {
                for (Res c : byValue(type, key).getOrDefault(value, List.of())) {
                    if (c.file().equals(from.file())) return c;
                    if (first == null) first = c;
                }
            }
            if (first != null) return first;
        }
        Object[] full = new Object[path.length + 1];
        full[0] = attribute;
        System.arraycopy(path, 0, full, 1, path.length);
        return referencedAt(from, c -> c.type().equals(type), full);
    }

    /** The resources of a type by the value of one of their attributes, in address order; made on first use. */
    private Map<String, List<Res>> byValue(String type, String attribute) {
        return byValue.computeIfAbsent(type + "." + attribute, k -> {
            Map<String, List<Res>> m = new HashMap<>();
            for (Res r : ofType(type)) {
                String v = text(r.values(), attribute);
                if (!blank(v)) m.computeIfAbsent(v, x -> new ArrayList<>()).add(r);
            }
            return m;
        });
    }

    private final Map<String, Map<String, List<Res>>> byValue = new HashMap<>();

    private List<Res> referenced(Res from, String attribute, Predicate<Res> wanted) {
        YMap config = from.model().configByAddress().get(configAddress(from.address()));
        if (config == null) return List.of();
        List<String> refs = new ArrayList<>();
        references(map(config, "expressions") == null ? null : map(config, "expressions").get(attribute) == null ? null
                : map(config, "expressions").get(attribute).value(), refs);
        return targets(from, refs, wanted);
    }

    /** The first resource referenced at a path inside a resource's configuration expressions: ("rule", 0, "copy_action", 1, "x"). */
    private Res referencedAt(Res from, Predicate<Res> wanted, Object... path) {
        YMap config = from.model().configByAddress().get(configAddress(from.address()));
        if (config == null) return null;
        YNode at = map(config, "expressions");
        for (Object step : path) {
            if (at instanceof YMap m && step instanceof String key) at = m.get(key) == null ? null : m.get(key).value();
            else if (at instanceof YSeq s && step instanceof Integer i) at = i < s.items().size() ? s.items().get(i) : null;
            else if (at instanceof YSeq s && step instanceof String key && s.items().size() == 1 && s.items().get(0) instanceof YMap m)
                at = m.get(key) == null ? null : m.get(key).value();
            else at = null;
            if (at == null) return null;
        }
        List<String> refs = new ArrayList<>();
        references(at, refs);
        List<Res> found = targets(from, refs, wanted);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void references(YNode node, List<String> out) {
        if (node instanceof YMap m) {
            YEntry refs = m.get("references");
            if (refs != null && refs.value() instanceof YSeq s) {
                for (YNode r : s.items()) if (r instanceof YScalar sc) out.add(sc.text());
            }
            for (YEntry e : m.entries().values()) if (!e.key().equals("references")) references(e.value(), out);
        } else if (node instanceof YSeq s) {
            for (YNode item : s.items()) references(item, out);
        }
    }

    /** Resources a list of configuration references names, relative to the referring resource's module. */
    private List<Res> targets(Res from, List<String> refs, Predicate<Res> wanted) {
        String module = modulePrefix(configAddress(from.address()));
        Set<Res> found = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String ref : refs) {
            // a reference names a resource, or an attribute of one: aws_backup_vault.dr.arn
            String full = module + ref;
            for (String config = full; ; config = config.substring(0, config.lastIndexOf('.'))) {
                for (Res r : byConfig.getOrDefault(from.file() + "\n" + config, List.of())) if (wanted.test(r)) found.add(r);
                if (config.indexOf('.') < 0) break;
            }
        }
        List<Res> out = new ArrayList<>(found);
        out.sort(Comparator.comparingInt(position::get));
        return out;
    }

    private static String modulePrefix(String configAddress) {
        int last = -1;
        String[] parts = configAddress.split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (!parts[i].equals("module")) break;
            prefix.append("module.").append(parts[i + 1]).append('.');
            last = i;
        }
        return last < 0 ? "" : prefix.toString();
    }

    // ---------------------------------------------------------------- reading values

    private static String tag(Res r, String key) {
        for (String field : List.of("tags", "labels", "user_labels")) {
            String v = text(map(r.values(), field), key);
            if (!blank(v)) return v;
        }
        YMap settings = first(r.values(), "settings");
        String v = text(map(settings, "user_labels"), key);
        return blank(v) ? null : v;
    }

    private static Location locationOf(YMap values, String key, Res r) {
        if (key == null || values == null) return r.at();
        YEntry e = values.get(key);
        return e == null ? r.at() : e.keyLocation();
    }

    static YMap map(YMap m, String key) {
        if (m == null) return null;
        YEntry e = m.get(key);
        return e != null && e.value() instanceof YMap v ? v : null;
    }

    static List<YNode> seq(YMap m, String key) {
        if (m == null) return List.of();
        YEntry e = m.get(key);
        return e != null && e.value() instanceof YSeq s ? s.items() : List.of();
    }

    /** The first item of a nested block (Terraform writes blocks as lists). */
    static YMap first(YMap m, String key) {
        List<YNode> items = seq(m, key);
        return !items.isEmpty() && items.get(0) instanceof YMap f ? f : map(m, key);
    }

    static String text(YMap m, String key) {
        if (m == null) return null;
        YEntry e = m.get(key);
        if (e == null || !(e.value() instanceof YScalar s) || s.isNull()) return null;
        return s.text();
    }

    private static boolean bool(YMap m, String key) {
        YEntry e = m == null ? null : m.get(key);
        return e != null && e.value() instanceof YScalar s && s.token() == JsonToken.VALUE_TRUE;
    }

    private static Long number(YMap m, String key) {
        YEntry e = m == null ? null : m.get(key);
        if (e == null || !(e.value() instanceof YScalar s) || s.token() != JsonToken.VALUE_NUMBER_INT) return null;
        try {
            return Long.parseLong(s.text());
        } catch (NumberFormatException x) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
