package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.domain.AppState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "app")
class AppEntity {

    @Id
    @Column(name = "sdk_app_id")
    Long sdkAppId;

    @Column(name = "account_id")
    UUID accountId;

    @Column(name = "name")
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "state")
    AppState state;

    @Column(name = "disabled_reason")
    String disabledReason;

    @Column(name = "created_time")
    Instant createdTime;

    @Column(name = "updated_time")
    Instant updatedTime;

    static AppEntity of(App app) {
        AppEntity entity = new AppEntity();
        entity.copy(app);
        return entity;
    }

    void copy(App app) {
        sdkAppId = app.sdkAppId();
        accountId = app.accountId();
        name = app.name();
        state = app.state();
        disabledReason = app.disabledReason();
        createdTime = app.createdTime();
        updatedTime = app.updatedTime();
    }

    App toDomain() {
        return new App(sdkAppId, accountId, name, state, disabledReason, createdTime, updatedTime);
    }
}
