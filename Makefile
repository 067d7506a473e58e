# The README's commands. `make test` is exactly what CI runs.
.PHONY: build run test lint fuzz bench

build:
	CGO_ENABLED=0 go build -o bin/claimtrace ./cmd/claimtrace

run: build
	./bin/claimtrace analyze --pretty ../shared/seeds/

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	go vet ./...

fuzz:
	./scripts/fuzz.sh

test: lint
	go test -race -count=1 ./...
	FUZZTIME=2000x ./scripts/fuzz.sh

bench: build
	./bin/claimtrace bench -n 10000
