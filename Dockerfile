# syntax=docker/dockerfile:1
# pioneers in a small image with git (`validate --changed-since` asks git), run as a non-root
# user. `docker build .` compiles from source; the release workflow builds the `prebuilt`
# target instead, from the static release binaries, for linux/amd64 and linux/arm64.
#
#   docker run --rm -v "$PWD:/kb" ghcr.io/pioniersnetwerk/pioneers validate

FROM rust:1-alpine AS build
# Package versions follow the Alpine release; exact pins break when Alpine patches them.
# hadolint ignore=DL3018
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --release --locked && strip target/release/pioneers

FROM alpine:3.22 AS base
# safe.directory: the knowledge base is mounted or checked out by another user (GitLab's
# runner, `docker run -v`), which git would otherwise refuse to read.
# hadolint ignore=DL3018
RUN apk add --no-cache git \
    && git config --system --add safe.directory '*' \
    && adduser -D -H -u 10001 pioneers
USER 10001:10001
WORKDIR /kb
ENTRYPOINT ["pioneers"]
CMD ["--help"]

FROM base AS prebuilt
ARG TARGETPLATFORM
COPY --chmod=0755 dist/${TARGETPLATFORM}/pioneers /usr/local/bin/pioneers

FROM base AS source
COPY --from=build /src/target/release/pioneers /usr/local/bin/pioneers
