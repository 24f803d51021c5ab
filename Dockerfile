# Multi-stage build of the one summit binary with the SPA embedded.
FROM node:20-bookworm AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /src/frontend/dist/spa ./frontend/dist/spa
ARG VERSION=docker
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/summit ./cmd/summit

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/summit /usr/local/bin/summit
ENV SUMMIT_ADDR=:8080
EXPOSE 8080
ENTRYPOINT ["summit"]
CMD ["serve"]
