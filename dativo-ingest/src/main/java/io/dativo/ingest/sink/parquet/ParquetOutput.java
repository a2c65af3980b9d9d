package io.dativo.ingest.sink.parquet;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** An Iceberg output file (local, S3, GCS: whatever the table's FileIO is) as Parquet's. */
final class ParquetOutput implements OutputFile {
  private final org.apache.iceberg.io.OutputFile file;
  private org.apache.iceberg.io.PositionOutputStream opened;

  ParquetOutput(org.apache.iceberg.io.OutputFile file) {
    this.file = file;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    opened = file.create();
    return wrap(opened);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    opened = file.createOrOverwrite();
    return wrap(opened);
  }

  /**
   * Closes the stream whatever state Parquet's writer is in: after a failed write it marks itself
   * aborted and no longer closes it, which would leave an upload (S3, GCS) open.
   */
  void closeStream() {
    if (opened != null) {
      try {
        opened.close();
      } catch (IOException | RuntimeException e) {
        // the file is deleted by the caller
      }
    }
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return file.location();
  }

  private static PositionOutputStream wrap(org.apache.iceberg.io.PositionOutputStream out) {
    return new PositionOutputStream() {
      @Override
      public long getPos() throws IOException {
        return out.getPos();
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }
}
