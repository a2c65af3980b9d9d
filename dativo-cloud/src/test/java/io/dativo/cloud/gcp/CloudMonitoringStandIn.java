package io.dativo.cloud.gcp;

import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.monitoring.v3.MetricServiceGrpc;
import com.google.protobuf.Empty;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A loopback gRPC stand-in for Cloud Monitoring's {@code MetricService.CreateTimeSeries}: it
 * records every request and answers OK, or with a given status. Test code only.
 */
final class CloudMonitoringStandIn implements AutoCloseable {
  final List<CreateTimeSeriesRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final Optional<Status> refusal;
  private final Server server;

  CloudMonitoringStandIn(Optional<Status> refusal) {
    this.refusal = refusal;
    try {
      server =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .addService(new Service())
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 127.0.0.1:port}, the form {@code GOOGLE_MONITORING_CUSTOM_ENDPOINT} takes. */
  String endpoint() {
    return "127.0.0.1:" + server.getPort();
  }

  private final class Service extends MetricServiceGrpc.MetricServiceImplBase {
    @Override
    public void createTimeSeries(CreateTimeSeriesRequest request, StreamObserver<Empty> response) {
      requests.add(request);
      if (refusal.isPresent()) {
        response.onError(refusal.get().asRuntimeException());
        return;
      }

      response.onNext(Empty.getDefaultInstance());
      response.onCompleted();
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
