/**
 * migkb for integrators: the few types needed to embed the rule catalogue in another Java program.
 *
 * <pre>
 * MigrationAssessor assessor = Migkb.bundledCatalogue().maxFirings(5_000_000).build();
 * AssessmentResult result = assessor.assess(Path.of("customer.json"));
 * result.findings().forEach(f -&gt; System.out.println(f.getSeverity() + " " + f.getRule() + " " + f.getSubject()));
 * </pre>
 *
 * <p>{@link io.migkb.api.Migkb} builds a {@link io.migkb.api.MigrationAssessor} from a rules folder or from the
 * catalogue bundled in the jar; the assessor reads an inventory file or stream, or takes one built in code with
 * {@link io.migkb.api.InventoryBuilder}, and returns an {@link io.migkb.api.AssessmentResult}. One assessor is
 * safe to share across threads: each assessment runs in a session of its own. {@code reload} rebuilds the rules
 * and keeps the last good ones when the new ones do not compile. The result gives each finding's source location
 * and rule, applies waivers, and writes any report format and the migration plan with its wave scripts.
 *
 * <p>Public signatures here use only this package, the fact model {@code io.migkb.model} (findings, severities,
 * clients, the inventory's facts) and the JDK: no Drools, KIE or Jackson type (an ArchUnit test keeps it so).
 * Rule consequences report findings through {@code io.migkb.api.rules.Findings}, stable too. Everything else
 * in migkb may change between versions (docs/embedding.md lists the stable surface).
 */
package io.migkb.api;
