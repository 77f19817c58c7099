# One image recipe for the four apps: docker build --build-arg MODULE=registration-service .
FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl ${MODULE} -am -DskipTests package && cp ${MODULE}/target/*-exec.jar /app.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 eforum
COPY --from=build /app.jar /app/app.jar
USER eforum
ENV SPRING_THREADS_VIRTUAL_ENABLED=true
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
