package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.paris.casvp.guichet.contracts.benefit.Benefit;
import fr.paris.casvp.guichet.contracts.benefit.Benefits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A benefit's Kubernetes manifest is written from the template and the declaration, never by hand. */
class KubernetesBenefitsTest {

    private static final Path K8S = Path.of("../k8s");
    private static final String REGENERATE = "out of date: regenerate it with java -cp \"deploy/local/target/classes:"
            + "platform/contracts/target/classes\" fr.paris.casvp.guichet.local.KubernetesBenefits deploy/k8s";

    @Test
    void eachDeclaredBenefitsManifestIsTheTemplateWithItsNames() throws Exception {
        String template = Files.readString(K8S.resolve(KubernetesBenefits.TEMPLATE));
        for (Benefit benefit : Benefits.all()) {
            String manifest = KubernetesBenefits.manifest(template, benefit);
            assertThat(Files.readString(K8S.resolve(KubernetesBenefits.file(benefit)))).as(KubernetesBenefits.file(benefit) + " " + REGENERATE)
                    .isEqualTo(manifest);
            assertThat(manifest).doesNotContain("<service>", "<database>", "<title>")
                    .contains("image: guichet/" + benefit.service() + ":", "jdbc:postgresql://" + benefit.database() + "-db-rw:5432/"
                            + benefit.database(), "name: " + benefit.database() + "-db-owner");
        }
    }

    @Test
    void theApplicationsKustomizationListsEachDeclaredBenefit() throws Exception {
        assertThat(Files.readString(K8S.resolve(KubernetesBenefits.APPS))).as(KubernetesBenefits.APPS + " " + REGENERATE)
                .isEqualTo(KubernetesBenefits.kustomization());
        assertThat(KubernetesBenefits.kustomization()).contains("  - gateway.yaml\n  - beneficiary-service.yaml\n  - aid-service.yaml\n");
    }

    /** The production release names every application's image at one tag, and backs up every database every night. */
    @Test
    void theProductionReleaseHasEveryApplicationsImageAndEveryDatabasesBackup() throws Exception {
        String release = Files.readString(K8S.resolve(KubernetesBenefits.RELEASE));
        String tag = KubernetesBenefits.releaseTag(release);
        assertThat(release).as(KubernetesBenefits.RELEASE + " " + REGENERATE).isEqualTo(KubernetesBenefits.release(tag));
        assertThat(Files.readString(K8S.resolve(KubernetesBenefits.BACKUPS))).as(KubernetesBenefits.BACKUPS + " " + REGENERATE)
                .isEqualTo(KubernetesBenefits.backups());
        for (Benefit benefit : Benefits.all()) {
            assertThat(release).contains("  - name: guichet/" + benefit.service() + "\n    newName: " + KubernetesBenefits.REGISTRY
                    + benefit.service() + "\n    newTag: " + tag + "\n");
            assertThat(KubernetesBenefits.backups()).contains("  cluster:\n    name: " + benefit.database() + "-db\n");
        }
        assertThat(KubernetesBenefits.backups()).contains("schedule: \"0 0 1 * * *\"", "name: beneficiary-db\n", "name: notice-db\n");
        assertThat(KubernetesBenefits.release("9.9.9")).contains("newTag: 9.9.9").doesNotContain("newTag: " + tag + "\n");
    }

    @Test
    void noBenefitsManifestIsLeftForABenefitNoLongerDeclared() throws Exception {
        List<String> declared = Benefits.all().stream().map(KubernetesBenefits::file).toList();
        try (Stream<Path> apps = Files.list(K8S.resolve("base/apps"))) {
            assertThat(apps.map(app -> "base/apps/" + app.getFileName()))
                    .filteredOn(app -> !List.of("base/apps/gateway.yaml", "base/apps/beneficiary-service.yaml",
                            "base/apps/notice-service.yaml", KubernetesBenefits.APPS).contains(app))
                    .containsExactlyInAnyOrderElementsOf(declared);
        }
    }
}
