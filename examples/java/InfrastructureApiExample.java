// Seed 002's "Python API" in Java. Run it from the repository root after building:
//   java -cp dativo-cli/target/dativo.jar examples/java/InfrastructureApiExample.java
import io.dativo.core.api.DativoInfrastructure;
import io.dativo.core.config.LoadedJob;
import java.nio.file.Path;

public class InfrastructureApiExample {
  public static void main(String[] args) {
    LoadedJob job = DativoInfrastructure.loadJob(Path.of("examples/jobs/acme/stripe_customers.yaml"), System.getenv());

    // {"infrastructure.cost_center": "DATA-001", ...}
    DativoInfrastructure.infrastructureTags(job).forEach((key, value) -> System.out.println(key + " = " + value));

    // The job's output mapping against a state (here the test module's state, when a test has written one).
    Path state = Path.of(args.length > 0 ? args[0] : "terraform.tfstate");
    if (state.toFile().isFile()) {
      DativoInfrastructure.resolveTerraformOutputs(job.job(), DativoInfrastructure.loadTerraformState(state))
          .forEach((path, value) -> System.out.println(path + " = " + value));
    }
  }
}
